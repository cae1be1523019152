package it.shop.testkit;

public final class Fixtures {
    private Fixtures() {
    }

    public static int threeEuros() {
        return 3;
    }
}
