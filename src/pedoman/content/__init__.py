"""The content: YAML files loaded safely with line marks (`loader`, `characters`), checked against
the content model (`model`, `registers`) and the rules across files (`validate`, `messages`,
`rules`, with `language` and `privacy`), assembled into the `corpus` every output reads, and the
registers' own logic: the legal instruments (`legal`), translations, the change history, the
scaffold of a new file. The lowest layer: it imports nothing from the outputs."""
