"""Stage 2: curate and check the extracted records (``hammplan validate``)."""
