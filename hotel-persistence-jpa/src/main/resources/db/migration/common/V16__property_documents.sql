-- What a property's invoices print (docs/DESIGN.md, "The books"): the language of their labels, and the
-- seller's address and VAT id. Written once for both databases; existing properties write in English.

alter table properties add column language varchar(3) default 'en' not null;
alter table properties add column address varchar(500);
alter table properties add column vat_id varchar(32);
