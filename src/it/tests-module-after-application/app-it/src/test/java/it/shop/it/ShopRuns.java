package it.shop.it;

/** What an integration test module holds: test sources, no main code of its own. */
final class ShopRuns {
}
