package it.orders;

/** A second main method: the image must start the one shade's manifest names. */
public class Tool {
    public static void main(String[] args) {
        System.out.println("not the service");
    }
}
