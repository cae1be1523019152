package it.shop.bench;

public class Bench {
    public static void main(String[] args) {
    }
}
