package it.acme;

public class Lib {
}
