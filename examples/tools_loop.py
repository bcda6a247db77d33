"""The tool loop: ``ollixir.tools.run`` chats, runs the functions the model calls, sends their results
back and repeats until the model answers in text.

Errors inside a tool (or bad arguments) go back to the model as the tool's result, so it can recover.
"""

from __future__ import annotations

from _support import CHAT_MODEL, connect

from ollixir import tools

INVENTORY = {"apples": 12, "pears": 0, "plums": 7}


def stock_level(product: str) -> int:
    """How many units of a product are in stock.

    Args:
        product: The product name, e.g. "apples".
    """
    if product not in INVENTORY:
        raise KeyError(f"unknown product {product!r}")
    return INVENTORY[product]


def reorder(product: str, quantity: int) -> str:
    """Order more units of a product.

    Args:
        product: The product name.
        quantity: How many units to order.
    """
    return f"ordered {quantity} {product}"


def main() -> None:
    messages = [{"role": "user", "content": "Check the stock_level of apples"}]
    with connect() as client:
        run = tools.run(client, CHAT_MODEL, messages, [stock_level, reorder], max_rounds=4)
    print(f"finished after {run.rounds} round(s), {len(run.messages)} messages in the conversation")
    for message in run.messages:
        role = message["role"] if isinstance(message, dict) else message.role
        content = message["content"] if isinstance(message, dict) else message.content
        print(f"  {role}: {content or '(tool calls)'}")
    print("answer:", run.content)


if __name__ == "__main__":
    main()
