/**
 * The one place every module hooks into when a climber deletes their account.
 *
 * <p>Identity owns accounts, but every module owns rows that belong to one. When an
 * account is deleted, identity publishes {@link dev.cruxlog.platform.accounts.AccountErased}
 * inside the deleting transaction through {@link dev.cruxlog.platform.accounts.AccountErasure};
 * each module's {@link dev.cruxlog.platform.accounts.ErasesAccountData} bean removes its
 * rows in that same transaction. Either every module forgets the climber, or none does.
 * (It lives in platform so that identity need not know the modules and they need not know
 * identity: no cycle.)
 */
@org.springframework.modulith.NamedInterface("accounts")
package dev.cruxlog.platform.accounts;
