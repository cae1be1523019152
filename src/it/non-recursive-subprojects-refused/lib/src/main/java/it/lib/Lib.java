package it.lib;

public class Lib {
}
