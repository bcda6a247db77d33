"""Operations tagged ``server`` (their modules are imported when asked for)."""
