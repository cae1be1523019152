package it.gantry.petclinic;

public class Clinic {
    public String name() {
        return "petclinic";
    }
}
