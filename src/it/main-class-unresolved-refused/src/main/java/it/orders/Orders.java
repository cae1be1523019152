package it.orders;

/** A service class, but no class with a main method: the image would have nothing to start. */
public class Orders {

    public String name() {
        return "orders";
    }
}
