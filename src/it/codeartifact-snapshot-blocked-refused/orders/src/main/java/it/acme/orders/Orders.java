package it.acme.orders;

public class Orders {
}
