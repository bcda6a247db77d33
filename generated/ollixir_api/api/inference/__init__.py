"""Operations tagged ``inference`` (their modules are imported when asked for)."""
