"""Reading reports from files: encodings, scraped pages, HTML and JSONL."""
