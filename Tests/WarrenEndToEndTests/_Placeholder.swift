// Placeholder until the end-to-end suite lands (issue 5 in progress).
