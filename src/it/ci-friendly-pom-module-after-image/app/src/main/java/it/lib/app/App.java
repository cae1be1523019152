package it.lib.app;

public class App {
    public static void main(String[] args) {
        System.out.println(it.lib.core.Core.one());
    }
}
