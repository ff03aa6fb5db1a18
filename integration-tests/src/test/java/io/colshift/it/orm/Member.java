package io.colshift.it.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code users} as a reporting application maps it: {@code status} is read, never written (on the reference
 * database it is computed from {@code deleted_at}).
 */
@Entity
@Table(name = "users")
public class Member {

    @Id
    public Long id;

    public String email;

    public String name;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(insertable = false, updatable = false)
    public String status;

    @OneToMany(mappedBy = "member")
    public List<Purchase> purchases = new ArrayList<>();
}
