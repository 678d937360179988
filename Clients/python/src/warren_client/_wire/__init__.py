"""The Warren wire protocol (PROTOCOL.md), written from the document: frames, one connection, its calls."""
