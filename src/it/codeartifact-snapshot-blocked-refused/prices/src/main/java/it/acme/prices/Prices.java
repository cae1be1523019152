package it.acme.prices;

public class Prices {
}
