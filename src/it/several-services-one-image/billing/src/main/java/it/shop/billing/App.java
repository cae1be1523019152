package it.shop.billing;

public class App {
    public static void main(String[] args) {
        System.out.println("billing");
    }
}
