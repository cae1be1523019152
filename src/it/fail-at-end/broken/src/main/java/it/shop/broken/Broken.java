package it.shop.broken; public final class Broken { does not compile }
