"""The website: Markdown pages rendered from the corpus (`render`, `templates/`), the staging
folder MkDocs reads (`staging`), page dates (`pages`), feeds, sitemap, search index and the
offline worker."""
