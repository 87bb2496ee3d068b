"""Open data: the cross-references between recommendations and sections (`crossref`), their
JSON, CSV and XLSX exports (`exports`) and the JSON Schemas of the content files (`schema`)."""
