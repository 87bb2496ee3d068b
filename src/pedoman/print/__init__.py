"""Print for trainers: the print HTML of handbooks, handouts and packs (`handbook`, `templates/`),
laid out as PDFs by WeasyPrint (`pdfbuild`), the packs bound at the PDF level (`binding`), QR codes."""
