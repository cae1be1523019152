package it.quarkus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/greeting")
public class Greeting {

    @GET
    public String hello() {
        return "Hello from the Quarkus image";
    }
}
