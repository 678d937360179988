// Placeholder until the target has its first real file (issue 5 in progress).
