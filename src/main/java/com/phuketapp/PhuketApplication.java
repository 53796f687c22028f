package com.phuketapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PhuketApplication {

    public static void main(String[] args) {
        SpringApplication.run(PhuketApplication.class, args);
    }
}
