"""Operations tagged ``web`` (their modules are imported when asked for)."""
