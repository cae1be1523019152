package it.orders;

public final class App {
    public static void main(String[] args) {
        System.out.println("orders service is up");
    }
}
