package smoke;

public final class Main {
    public static void main(String[] args) {
        System.out.println("Gantry AWS smoke test");
    }
}
