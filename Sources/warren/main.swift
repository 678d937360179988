print("warren: not yet built (issue 5 in progress)")
