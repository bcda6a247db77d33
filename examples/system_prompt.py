"""System prompts: steer the model with a ``system`` message (chat) or ``system=`` (completion)."""

from __future__ import annotations

from _support import CHAT_MODEL, connect


def main() -> None:
    with connect() as client:
        reply = client.chat(
            CHAT_MODEL,
            [
                {"role": "system", "content": "You are a pirate. Answer in pirate speak, briefly."},
                {"role": "user", "content": "How do I bake bread?"},
            ],
        )
        print("chat with a system message:", reply.message.content)

        completion = client.completion(
            CHAT_MODEL, "Summarise the plot of Hamlet.", system="You answer in exactly one sentence."
        )
        print("completion with system=:", completion.response)
        # The system prompt counts as prompt input.
        print(f"prompt tokens: chat={reply.prompt_eval_count}, completion={completion.prompt_eval_count}")


if __name__ == "__main__":
    main()
