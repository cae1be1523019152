package it.shop.it;

/** The module of tests after the application fails: here its test sources do not compile. */
final class ShopRuns {
    int port = "not a number";
}
