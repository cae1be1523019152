package example.orders;

/** The example service: prints that it is up. */
public final class OrdersService {

    public static void main(String[] args) {
        System.out.println("orders-service is up");
    }
}
