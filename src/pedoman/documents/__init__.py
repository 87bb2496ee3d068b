"""The drafting kit: documents to fill in and sign. `blocks` is what a document is made of; the
families (`decrees`, `agreements`, `forms`, on `drafting.Drafter`) decide what each says; `kit`
says which documents a guideline calls for and writes them with the `docx` and `xlsx` writers."""
