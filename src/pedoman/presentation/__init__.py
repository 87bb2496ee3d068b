"""How content is presented in any output: the words printed around it (`words`, `words.yaml`),
Markdown and text as safe HTML (`markdown`, `html`), contact links, outlines, diagrams and
abbreviations. Used by the site, the PDFs and the documents; imports only the content."""
