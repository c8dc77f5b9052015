package dev.ember.sql;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** A Java bean for encoder tests: a primitive, boxed, string and date property. */
public class Person implements Serializable {

  private static final long serialVersionUID = 1L;
  private String name;
  private int age;
  private Long salary;
  private LocalDate birthday;

  /** An empty person, as bean encoders need. */
  public Person() {}

  /** A person with every property. */
  public Person(String name, int age, Long salary, LocalDate birthday) {
    this.name = name;
    this.age = age;
    this.salary = salary;
    this.birthday = birthday;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public int getAge() {
    return age;
  }

  public void setAge(int age) {
    this.age = age;
  }

  public Long getSalary() {
    return salary;
  }

  public void setSalary(Long salary) {
    this.salary = salary;
  }

  public LocalDate getBirthday() {
    return birthday;
  }

  public void setBirthday(LocalDate birthday) {
    this.birthday = birthday;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Person p && Objects.equals(name, p.name) && age == p.age && Objects.equals(salary, p.salary)
        && Objects.equals(birthday, p.birthday);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, age, salary, birthday);
  }

  @Override
  public String toString() {
    return "Person(" + name + "," + age + "," + salary + "," + birthday + ")";
  }
}
