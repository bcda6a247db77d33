"""Operations tagged ``account`` (their modules are imported when asked for)."""
