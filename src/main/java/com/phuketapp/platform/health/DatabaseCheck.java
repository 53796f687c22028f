package com.phuketapp.platform.health;

import com.phuketapp.platform.DependencyCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class DatabaseCheck implements DependencyCheck {

    private final JdbcClient jdbc;

    DatabaseCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public Probe probe() {
        Integer one = jdbc.sql("SELECT 1").query(Integer.class).single();
        return new Probe(one == 1, "postgresql");
    }
}
