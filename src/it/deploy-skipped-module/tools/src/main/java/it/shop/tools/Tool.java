package it.shop.tools;

public class Tool {
    public static void main(String[] args) {
    }
}
