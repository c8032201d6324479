package dev.fmgateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FmGatewayApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(FmGatewayApplication.class);
        application.addListeners(new UpstreamReport());
        application.run(args);
    }
}
