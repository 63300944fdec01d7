"""One module per resource (`client.<resource>`); the client imports each on first use."""
