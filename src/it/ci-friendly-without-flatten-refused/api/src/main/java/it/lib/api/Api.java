package it.lib.api;

public final class Api {
    public int two() {
        return it.lib.core.Core.one() + 1;
    }
}
