// Placeholder until the client lands (issue 5 in progress).
