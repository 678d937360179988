"""The Python side of Clients/conformance/mixed-load: admit COUNT prompts round-robin into the sessions
from THREADS threads sharing one client, await each, and print "accepted SESSION INPUT_ID" per input.
Inputs queued together may complete as one batch, so completed_without_result counts as completed.
The server is $WARREN_ADDRESS (token $WARREN_TOKEN); any failure ends the run with a traceback."""

import argparse
import os
from concurrent.futures import ThreadPoolExecutor

from warren_client import Client
from warren_client import messages as pb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("sessions", nargs="+")
    arguments = parser.parse_args()
    sessions = arguments.sessions
    with Client(os.environ["WARREN_ADDRESS"], token=os.environ.get("WARREN_TOKEN") or None) as client:

        def ingest(index: int) -> tuple:
            session = sessions[index % len(sessions)]
            prompt = pb.Input(prompt=pb.PromptInput(text=f"python {index}"))
            outcome = client.sessions.accept_input(session_id=session, input=prompt).outcome
            if not outcome.HasField("accepted"):
                raise RuntimeError(f"prompt {index} was not accepted: {outcome}")
            input_id = outcome.accepted.input_id
            done = client.adapter.await_completion(session_id=session, input_id=input_id, timeout=120)
            kind = done.outcome.WhichOneof("outcome")
            if kind not in ("completed", "completed_without_result"):
                raise RuntimeError(f"input {input_id} ended {kind}")
            return session, input_id

        with ThreadPoolExecutor(arguments.threads) as pool:
            for session, input_id in pool.map(ingest, range(arguments.count)):
                print(f"accepted {session} {input_id}", flush=True)


if __name__ == "__main__":
    main()
