package io.colshift.it.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A row of {@code orders}, placed by a {@link Member}. */
@Entity
@Table(name = "orders")
public class Purchase {

    @Id
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    public Member member;

    public BigDecimal amount;

    @Column(name = "placed_at")
    public OffsetDateTime placedAt;
}
