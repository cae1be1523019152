package it.shop.api;

import it.shop.lib.Prices;

public record Quote(int euros) {
    public int cents() {
        return Prices.cents(euros);
    }
}
