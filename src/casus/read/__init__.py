"""Reading inputs: files, folders and URLs, front matter, the page's own title and date."""
