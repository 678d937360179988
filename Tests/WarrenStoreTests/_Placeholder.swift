// Placeholder until the store tests land (issue 6 in progress).
