/*
 * Ember's SQL grammar: the Spark SQL dialect, grown one feature at a time. Keywords are case-insensitive.
 * Keep alternatives ordered by precedence: in a left-recursive rule, an earlier alternative binds tighter.
 */
grammar EmberSql;

options { caseInsensitive = true; }

singleStatement
    : statement SEMICOLON* EOF
    ;

singleExpression
    : booleanExpression EOF
    ;

statement
    : query                                                                  #queryStatement
    | CREATE (OR REPLACE)? (TEMP | TEMPORARY) VIEW identifier AS query       #createTempView
    | EXPLAIN explainMode=(EXTENDED | FORMATTED)? query                      #explain
    | SET .*?                                                                #setConfiguration
    | RESET .*?                                                              #resetConfiguration
    | CREATE namespaceKeyword (IF NOT EXISTS)? name=multipartIdentifier namespaceClauses   #createNamespace
    | DROP namespaceKeyword (IF EXISTS)? name=multipartIdentifier (RESTRICT | CASCADE)?   #dropNamespace
    | USE namespaceKeyword? name=multipartIdentifier                               #use
    | SHOW (DATABASES | SCHEMAS | NAMESPACES) (LIKE? pattern=STRING)?        #showNamespaces
    | (DESC | DESCRIBE) namespaceKeyword EXTENDED? name=multipartIdentifier         #describeNamespace
    | SHOW kind=(TABLES | VIEWS) ((FROM | IN) namespace=identifier)? (LIKE? pattern=STRING)?   #showTables
    | (DESC | DESCRIBE) FUNCTION EXTENDED? (function=multipartIdentifier | functionString=STRING)   #describeFunction
    | (DESC | DESCRIBE) QUERY? query                                         #describeQuery
    | (DESC | DESCRIBE) TABLE? option=(EXTENDED | FORMATTED)? multipartIdentifier   #describeRelation
    | (DESC | DESCRIBE) TABLE? option=(EXTENDED | FORMATTED)? multipartIdentifier column=identifier   #describeColumn
    | ANALYZE TABLE multipartIdentifier COMPUTE STATISTICS
        (NOSCAN | FOR COLUMNS identifier (COMMA identifier)* | FOR ALL COLUMNS)?   #analyzeTable
    | DROP VIEW (IF EXISTS)? multipartIdentifier                             #dropView
    | CACHE LAZY? TABLE multipartIdentifier (AS? query)?                     #cacheTable
    | UNCACHE TABLE (IF EXISTS)? multipartIdentifier                         #uncacheTable
    | CLEAR CACHE                                                            #clearCache
    | CREATE TABLE (IF NOT EXISTS)? name=multipartIdentifier
        (LEFT_PAREN columnDefinition (COMMA columnDefinition)* RIGHT_PAREN)?
        (USING provider=multipartIdentifier)? createTableClauses (AS? query)?        #createTable
    | INSERT (INTO | OVERWRITE) TABLE? multipartIdentifier partitionSpec? query   #insertIntoTable
    | DROP TABLE (IF EXISTS)? multipartIdentifier                            #dropTable
    | SHOW COLUMNS (FROM | IN) table=multipartIdentifier ((FROM | IN) namespace=identifier)?   #showColumns
    | TRUNCATE TABLE multipartIdentifier partitionSpec?                      #truncateTable
    | ALTER TABLE from=multipartIdentifier RENAME TO to=multipartIdentifier  #renameTable
    | ALTER TABLE name=multipartIdentifier ADD (COLUMN | COLUMNS)
        (LEFT_PAREN addedColumn (COMMA addedColumn)* RIGHT_PAREN | addedColumn)   #addTableColumns
    | ALTER TABLE name=multipartIdentifier SET TBLPROPERTIES propertyList    #setTableProperties
    | ALTER TABLE name=multipartIdentifier (ALTER | CHANGE) COLUMN? column=identifier
        COMMENT comment=STRING                                               #commentColumn
    | ALTER TABLE name=multipartIdentifier UNSET TBLPROPERTIES (IF EXISTS)? propertyKeyList   #unsetTableProperties
    | ALTER TABLE name=multipartIdentifier operation=RENAME COLUMN multipartIdentifier TO identifier   #unsupportedColumnChange
    | ALTER TABLE name=multipartIdentifier operation=DROP (COLUMN | COLUMNS) (IF EXISTS)?
        (LEFT_PAREN multipartIdentifier (COMMA multipartIdentifier)* RIGHT_PAREN
        | multipartIdentifier (COMMA multipartIdentifier)*)                  #unsupportedColumnChange
    | ALTER TABLE name=multipartIdentifier partitionSpec? operation=REPLACE COLUMNS
        LEFT_PAREN addedColumn (COMMA addedColumn)* RIGHT_PAREN              #unsupportedColumnChange
    | ALTER TABLE name=multipartIdentifier ADD (IF NOT EXISTS)? partitionSpec
        (LOCATION location=STRING)?                                          #addTablePartition
    | ALTER TABLE name=multipartIdentifier DROP (IF EXISTS)? partitionSpec (COMMA partitionSpec)*   #dropTablePartitions
    | ALTER TABLE name=multipartIdentifier RECOVER PARTITIONS                #recoverPartitions
    | MSCK REPAIR TABLE name=multipartIdentifier                             #repairTable
    | SHOW PARTITIONS name=multipartIdentifier partitionSpec?                #showPartitions
    | SHOW TBLPROPERTIES name=multipartIdentifier (LEFT_PAREN key=propertyKey RIGHT_PAREN)?   #showTableProperties
    | ALTER VIEW name=multipartIdentifier AS query                           #alterViewQuery
    | ALTER TABLE multipartIdentifier unsupportedAlterTable                  #alterTable
    | ALTER VIEW multipartIdentifier unsupportedAlterView                    #alterView
    | SHOW scope=identifier? FUNCTIONS (LIKE? (pattern=STRING | function=multipartIdentifier))?   #showFunctions
    ;

// Well-formed forms of Spark's ALTER TABLE / ALTER VIEW that Ember does not build: each fails with
// UNSUPPORTED_FEATURE naming it. Anything else after ALTER TABLE name / ALTER VIEW name is a syntax error.
unsupportedAlterTable
    : partitionSpec? SET LOCATION STRING
    | partitionSpec? SET SERDE STRING (WITH SERDEPROPERTIES propertyList)?
    | partitionSpec? SET SERDEPROPERTIES propertyList
    | partitionSpec RENAME TO partitionSpec
    | (ALTER | CHANGE) COLUMN? multipartIdentifier alterColumnAction
    | CHANGE COLUMN? multipartIdentifier identifier dataType (COMMENT STRING)? (FIRST | AFTER identifier)?
    | CLUSTER BY (identifierList | identifier)
    ;

alterColumnAction
    : TYPE dataType
    | (SET | DROP) NOT NULL
    | SET DEFAULT expression
    | DROP DEFAULT
    | FIRST
    | AFTER identifier
    ;

unsupportedAlterView
    : RENAME TO multipartIdentifier
    | SET TBLPROPERTIES propertyList
    | UNSET TBLPROPERTIES (IF EXISTS)? propertyKeyList
    ;

// Databases (Spark's namespaces of the session catalog): the keyword and the clauses of CREATE DATABASE.
namespaceKeyword
    : DATABASE | SCHEMA | NAMESPACE
    ;

namespaceClauses
    : (COMMENT comment=STRING | LOCATION location=STRING | WITH (DBPROPERTIES | PROPERTIES) propertyList)*
    ;

// Persistent tables: column definitions, the clauses of CREATE TABLE, and INSERT's static partition values.
columnDefinition
    : identifier dataType (NOT NULL)?
    ;

createTableClauses
    : (PARTITIONED BY partitionColumns=identifierList | OPTIONS tableOptions=propertyList | LOCATION location=STRING)*
    ;

propertyList
    : LEFT_PAREN property (COMMA property)* RIGHT_PAREN
    ;

property
    : key=propertyKey EQ? value=propertyValue
    ;

// ALTER TABLE ... ADD COLUMNS: a column and its optional comment; UNSET TBLPROPERTIES: keys without values.
addedColumn
    : identifier dataType (COMMENT comment=STRING)?
    ;

propertyKeyList
    : LEFT_PAREN propertyKey (COMMA propertyKey)* RIGHT_PAREN
    ;

propertyKey
    : identifier (DOT identifier)*
    | STRING
    ;

propertyValue
    : INTEGER_VALUE | DECIMAL_VALUE | TRUE | FALSE | STRING | identifier
    ;

partitionSpec
    : PARTITION LEFT_PAREN partitionValue (COMMA partitionValue)* RIGHT_PAREN
    ;

partitionValue
    : identifier (EQ constant)?
    ;

query
    : ctes? queryTerm (ORDER BY sortItem (COMMA sortItem)*)? (LIMIT limit=valueExpression)?
      (OFFSET offset=valueExpression)?
    ;

ctes
    : WITH namedQuery (COMMA namedQuery)*
    ;

namedQuery
    : name=identifier columnAliases=identifierList? AS? LEFT_PAREN query RIGHT_PAREN
    ;

// INTERSECT binds tighter than UNION and EXCEPT, as in Spark.
queryTerm
    : queryPrimary                                                           #queryTermDefault
    | left=queryTerm operator=INTERSECT setQuantifier? right=queryTerm       #setOperation
    | left=queryTerm operator=(UNION | EXCEPT | SETMINUS) setQuantifier? right=queryTerm   #setOperation
    ;

queryPrimary
    : querySpecification                                                     #queryPrimarySpecification
    | inlineTable                                                            #queryPrimaryValues
    | LEFT_PAREN query RIGHT_PAREN                                           #queryPrimaryNested
    ;

querySpecification
    : SELECT hints+=hint* setQuantifier? namedExpression (COMMA namedExpression)*
      (FROM relation (COMMA relation)* lateralView*)?
      (WHERE where=booleanExpression)?
      (GROUP BY groupBy+=groupingElement (COMMA groupBy+=groupingElement)*
        (WITH groupingKind=(ROLLUP | CUBE))?)?
      (HAVING having=booleanExpression)?
      windowClause?
    ;

// Spark's hint comment right after SELECT: /*+ BROADCAST(t), REPARTITION(4, c) */.
hint
    : HINT_START hintStatements+=hintStatement (COMMA? hintStatements+=hintStatement)* HINT_END
    ;

hintStatement
    : hintName=identifier (LEFT_PAREN parameters+=expression (COMMA parameters+=expression)* RIGHT_PAREN)?
    ;

lateralView
    : LATERAL VIEW OUTER? functionName=identifier LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN
      table=identifier (AS? columns+=identifier (COMMA columns+=identifier)*)?
    ;

groupingElement
    : ROLLUP LEFT_PAREN groupingSet (COMMA groupingSet)* RIGHT_PAREN            #rollup
    | CUBE LEFT_PAREN groupingSet (COMMA groupingSet)* RIGHT_PAREN              #cube
    | GROUPING SETS LEFT_PAREN groupingSet (COMMA groupingSet)* RIGHT_PAREN     #groupingSets
    | expression                                                             #groupingExpression
    ;

groupingSet
    : LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN
    | expression
    ;

windowClause
    : WINDOW namedWindow (COMMA namedWindow)*
    ;

namedWindow
    : name=identifier AS LEFT_PAREN windowDefinition RIGHT_PAREN
    ;

windowSpec
    : name=identifier                                                        #windowReference
    | LEFT_PAREN windowDefinition RIGHT_PAREN                                #windowInline
    ;

windowDefinition
    : (PARTITION BY partition+=expression (COMMA partition+=expression)*)?
      (ORDER BY sortItem (COMMA sortItem)*)?
      windowFrame?
    ;

windowFrame
    : frameType=(ROWS | RANGE) start=frameBound
    | frameType=(ROWS | RANGE) BETWEEN start=frameBound AND end=frameBound
    ;

frameBound
    : UNBOUNDED boundType=(PRECEDING | FOLLOWING)
    | boundType=CURRENT ROW
    | valueExpression boundType=(PRECEDING | FOLLOWING)
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

relation
    : relationPrimary joinRelation*
    ;

joinRelation
    : joinType JOIN right=relationPrimary joinCriteria?
    | NATURAL joinType JOIN right=relationPrimary
    ;

joinType
    : INNER?
    | CROSS
    | LEFT OUTER?
    | LEFT? SEMI
    | RIGHT OUTER?
    | FULL OUTER?
    | LEFT? ANTI
    ;

joinCriteria
    : ON booleanExpression
    | USING identifierList
    ;

relationPrimary
    : multipartIdentifier tableAlias                                         #tableName
    | LEFT_PAREN query RIGHT_PAREN tableAlias                                #aliasedQuery
    | inlineTable tableAlias                                                 #inlineTableRelation
    | LEFT_PAREN relation RIGHT_PAREN                                        #parenthesizedRelation
    ;

inlineTable
    : VALUES expression (COMMA expression)*
    ;

tableAlias
    : (AS? strictIdentifier identifierList?)?
    ;

identifierList
    : LEFT_PAREN identifier (COMMA identifier)* RIGHT_PAREN
    ;

sortItem
    : expression ordering=(ASC | DESC)? (NULLS nullOrder=(FIRST | LAST))?
    ;

namedExpression
    : expression (AS? name=identifier | AS strictName=strictNonReserved)?
    ;

// Spark's strict non-reserved keywords: never table or column references, but a column alias after AS.
strictNonReserved
    : ANTI | CROSS | EXCEPT | FULL | INNER | INTERSECT | JOIN | LATERAL | LEFT | NATURAL | ON | RIGHT | SEMI
    | UNION | USING
    ;

expression
    : booleanExpression
    ;

booleanExpression
    : NOT booleanExpression                                                  #logicalNot
    | valueExpression predicate?                                             #predicated
    | left=booleanExpression op=AND right=booleanExpression                  #logicalBinary
    | left=booleanExpression op=OR right=booleanExpression                   #logicalBinary
    ;

predicate
    : NOT? kind=IN LEFT_PAREN query RIGHT_PAREN
    | NOT? kind=BETWEEN lower=valueExpression AND upper=valueExpression
    | NOT? kind=IN LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN
    | NOT? kind=LIKE pattern=valueExpression
    | IS NOT? kind=NULL
    ;

valueExpression
    : primaryExpression                                                      #valueExpressionDefault
    | op=(MINUS | PLUS) valueExpression                                      #arithmeticUnary
    | left=valueExpression op=(ASTERISK | SLASH | PERCENT) right=valueExpression   #arithmeticBinary
    | left=valueExpression op=(PLUS | MINUS) right=valueExpression           #arithmeticBinary
    | left=valueExpression comparisonOperator right=valueExpression          #comparison
    ;

comparisonOperator
    : EQ | NEQ | NEQJ | LT | LTE | GT | GTE | NSEQ
    ;

primaryExpression
    : CASE whenClause+ (ELSE elseExpression=expression)? END                 #searchedCase
    | CASE value=expression whenClause+ (ELSE elseExpression=expression)? END   #simpleCase
    | CAST LEFT_PAREN expression AS dataType RIGHT_PAREN                     #cast
    | EXTRACT LEFT_PAREN field=identifier FROM source=valueExpression RIGHT_PAREN   #extract
    | EXISTS LEFT_PAREN query RIGHT_PAREN                                     #exists
    | LEFT_PAREN query RIGHT_PAREN                                           #subqueryExpression
    | constant                                                               #constantDefault
    | (qualifier+=identifier DOT)* ASTERISK                                  #star
    | functionName=identifier LEFT_PAREN ASTERISK RIGHT_PAREN OVER windowSpec   #windowCallStar
    | functionName=identifier LEFT_PAREN (setQuantifier? expression (COMMA expression)*)? RIGHT_PAREN
      OVER windowSpec                                                        #windowCall
    | functionName=identifier LEFT_PAREN ASTERISK RIGHT_PAREN                #functionCallStar
    | functionName=identifier LEFT_PAREN (setQuantifier? expression (COMMA expression)*)? RIGHT_PAREN  #functionCall
    | LEFT_PAREN expression (COMMA expression)+ RIGHT_PAREN                  #rowConstructor
    | LEFT_PAREN expression RIGHT_PAREN                                      #parenthesizedExpression
    | identifier (DOT identifier)*                                           #columnReference
    | value=primaryExpression LEFT_BRACKET index=valueExpression RIGHT_BRACKET   #subscript
    | base=primaryExpression DOT fieldName=identifier                        #dereference
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

constant
    : NULL                                                                   #nullLiteral
    | (TRUE | FALSE)                                                         #booleanLiteral
    | DATE STRING                                                            #dateLiteral
    | INTERVAL STRING from=identifier TO to=identifier                       #intervalRangeLiteral
    | INTERVAL intervalField+                                                #intervalLiteral
    | identifier STRING                                                      #typeConstructor
    | STRING+                                                                #stringLiteral
    | INTEGER_VALUE                                                          #integerLiteral
    | BIGINT_LITERAL                                                         #bigintLiteral
    | (DECIMAL_VALUE | EXPONENT_VALUE)                                       #decimalLiteral
    | (TINYINT_LITERAL | SMALLINT_LITERAL | FLOAT_LITERAL | DOUBLE_LITERAL | BIGDECIMAL_LITERAL)  #typedNumberLiteral
    ;

intervalField
    : value=intervalValue unit=identifier
    ;

intervalValue
    : MINUS? (INTEGER_VALUE | DECIMAL_VALUE | STRING)
    ;

dataType
    : identifier (LEFT_PAREN INTEGER_VALUE (COMMA INTEGER_VALUE)* RIGHT_PAREN)?
    | identifier LT dataType (COMMA dataType)? GT
    | identifier LT complexColType (COMMA complexColType)* GT
    ;

complexColType
    : identifier COLON? dataType
    ;

multipartIdentifier
    : identifier (DOT identifier)*
    ;

strictIdentifier
    : IDENTIFIER
    | BACKQUOTED_IDENTIFIER
    | nonReserved
    ;

identifier
    : strictIdentifier
    ;

// Keywords that may still name a column or table, as in Spark's default (non-ANSI) mode.
nonReserved
    : ASC | DESC | DATE | FIRST | LAST | NULLS | VIEW | TEMP | TEMPORARY | REPLACE | EXPLAIN | VALUES
    | EXTRACT | TO
    | OFFSET
    | OVER | PARTITION | ROWS | RANGE | UNBOUNDED | PRECEDING | FOLLOWING | CURRENT | ROW
    | ROLLUP | CUBE | GROUPING | SETS
    | EXISTS | OUTER
    | CACHE | CLEAR | DESCRIBE | DROP | EXTENDED | FORMATTED | IF | LAZY | QUERY | RESET | SET | SHOW
    | TABLE | TABLES | UNCACHE | VIEWS
    | INSERT | INTO | OVERWRITE | PARTITIONED | OPTIONS | LOCATION
    | ANALYZE | COMPUTE | STATISTICS | NOSCAN | FOR | COLUMNS
    | ALTER | FUNCTION | FUNCTIONS | RENAME | TRUNCATE
    | CASCADE | COMMENT | DATABASE | DATABASES | DBPROPERTIES | NAMESPACE | NAMESPACES | PROPERTIES | RESTRICT
    | SCHEMA | SCHEMAS | USE
    | ADD | CHANGE | COLUMN | TBLPROPERTIES | UNSET | MSCK | PARTITIONS | RECOVER | REPAIR
    | AFTER | CLUSTER | DEFAULT | SERDE | SERDEPROPERTIES | TYPE
    ;

SEMICOLON: ';';
LEFT_PAREN: '(';
RIGHT_PAREN: ')';
COMMA: ',';
DOT: '.';

ALL: 'ALL';
ANTI: 'ANTI';
AND: 'AND';
AS: 'AS';
ASC: 'ASC';
BETWEEN: 'BETWEEN';
BY: 'BY';
CASE: 'CASE';
CAST: 'CAST';
CREATE: 'CREATE';
CUBE: 'CUBE';
CURRENT: 'CURRENT';
CROSS: 'CROSS';
DATE: 'DATE';
DESC: 'DESC';
DISTINCT: 'DISTINCT';
ELSE: 'ELSE';
END: 'END';
EXCEPT: 'EXCEPT';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
EXTRACT: 'EXTRACT';
FALSE: 'FALSE';
FIRST: 'FIRST';
FOLLOWING: 'FOLLOWING';
FROM: 'FROM';
FULL: 'FULL';
GROUP: 'GROUP';
GROUPING: 'GROUPING';
HAVING: 'HAVING';
IN: 'IN';
INTERVAL: 'INTERVAL';
INNER: 'INNER';
INTERSECT: 'INTERSECT';
IS: 'IS';
JOIN: 'JOIN';
LAST: 'LAST';
LEFT: 'LEFT';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
NOT: 'NOT' | '!';
NULL: 'NULL';
NULLS: 'NULLS';
OFFSET: 'OFFSET';
OR: 'OR';
ORDER: 'ORDER';
OVER: 'OVER';
PARTITION: 'PARTITION';
PRECEDING: 'PRECEDING';
RANGE: 'RANGE';
REPLACE: 'REPLACE';
ROLLUP: 'ROLLUP';
ROW: 'ROW';
ROWS: 'ROWS';
SELECT: 'SELECT';
SETS: 'SETS';
ON: 'ON';
OUTER: 'OUTER';
RIGHT: 'RIGHT';
SEMI: 'SEMI';
SETMINUS: 'MINUS';
TEMP: 'TEMP';
TEMPORARY: 'TEMPORARY';
THEN: 'THEN';
TO: 'TO';
TRUE: 'TRUE';
UNBOUNDED: 'UNBOUNDED';
UNION: 'UNION';
USING: 'USING';
VALUES: 'VALUES';
VIEW: 'VIEW';
WHEN: 'WHEN';
WHERE: 'WHERE';
WINDOW: 'WINDOW';
WITH: 'WITH';

// Keywords of the SQL commands (SET, SHOW, DESCRIBE, DROP VIEW, CACHE, EXPLAIN modes).
CACHE: 'CACHE';
CLEAR: 'CLEAR';
DESCRIBE: 'DESCRIBE';
DROP: 'DROP';
EXTENDED: 'EXTENDED';
FORMATTED: 'FORMATTED';
IF: 'IF';
LAZY: 'LAZY';
QUERY: 'QUERY';
RESET: 'RESET';
SET: 'SET';
SHOW: 'SHOW';
TABLE: 'TABLE';
// Keywords of ANALYZE TABLE.
ANALYZE: 'ANALYZE';
COMPUTE: 'COMPUTE';
STATISTICS: 'STATISTICS';
NOSCAN: 'NOSCAN';
FOR: 'FOR';
COLUMNS: 'COLUMNS';
TABLES: 'TABLES';
UNCACHE: 'UNCACHE';
VIEWS: 'VIEWS';
// Keywords of persistent tables (CREATE TABLE, INSERT, DROP TABLE).
INSERT: 'INSERT';
INTO: 'INTO';
LOCATION: 'LOCATION';
OPTIONS: 'OPTIONS';
OVERWRITE: 'OVERWRITE';
PARTITIONED: 'PARTITIONED';
// Keywords of the catalog commands (SHOW COLUMNS, TRUNCATE TABLE, ALTER TABLE, SHOW / DESCRIBE FUNCTION).
ALTER: 'ALTER';
FUNCTION: 'FUNCTION';
FUNCTIONS: 'FUNCTIONS';
RENAME: 'RENAME';
TRUNCATE: 'TRUNCATE';
// Keywords of ALTER TABLE's column and property forms and SHOW TBLPROPERTIES.
ADD: 'ADD';
CHANGE: 'CHANGE';
COLUMN: 'COLUMN';
TBLPROPERTIES: 'TBLPROPERTIES';
UNSET: 'UNSET';
MSCK: 'MSCK';
PARTITIONS: 'PARTITIONS';
RECOVER: 'RECOVER';
REPAIR: 'REPAIR';
// Keywords of the ALTER TABLE forms Ember parses only to name them as unsupported.
AFTER: 'AFTER';
CLUSTER: 'CLUSTER';
DEFAULT: 'DEFAULT';
SERDE: 'SERDE';
SERDEPROPERTIES: 'SERDEPROPERTIES';
TYPE: 'TYPE';
// Keywords of the database commands (CREATE / DROP / USE / SHOW / DESCRIBE DATABASE).
CASCADE: 'CASCADE';
COMMENT: 'COMMENT';
DATABASE: 'DATABASE';
DATABASES: 'DATABASES';
DBPROPERTIES: 'DBPROPERTIES';
NAMESPACE: 'NAMESPACE';
NAMESPACES: 'NAMESPACES';
PROPERTIES: 'PROPERTIES';
RESTRICT: 'RESTRICT';
SCHEMA: 'SCHEMA';
SCHEMAS: 'SCHEMAS';
USE: 'USE';

// Strict non-reserved keywords as in Spark: never identifiers, so "FROM t NATURAL JOIN u" is a join and
// "FROM t LATERAL VIEW ..." a lateral view.
LATERAL: 'LATERAL';
NATURAL: 'NATURAL';

LEFT_BRACKET: '[';
RIGHT_BRACKET: ']';
COLON: ':';

EQ: '=' | '==';
NSEQ: '<=>';
NEQ: '<>';
NEQJ: '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';

STRING
    : '\'' ( ~['\\] | '\\' . | '\'\'' )* '\''
    ;

BIGINT_LITERAL
    : DIGIT+ 'L'
    ;

TINYINT_LITERAL
    : DIGIT+ 'Y'
    ;

SMALLINT_LITERAL
    : DIGIT+ 'S'
    ;

FLOAT_LITERAL
    : DIGIT+ EXPONENT? 'F'
    | DECIMAL_DIGITS EXPONENT? 'F'
    ;

DOUBLE_LITERAL
    : DIGIT+ EXPONENT? 'D'
    | DECIMAL_DIGITS EXPONENT? 'D'
    ;

BIGDECIMAL_LITERAL
    : DIGIT+ EXPONENT? 'BD'
    | DECIMAL_DIGITS EXPONENT? 'BD'
    ;

INTEGER_VALUE
    : DIGIT+
    ;

EXPONENT_VALUE
    : DIGIT+ EXPONENT
    | DECIMAL_DIGITS EXPONENT
    ;

DECIMAL_VALUE
    : DECIMAL_DIGITS
    ;

IDENTIFIER
    : (LETTER | DIGIT | '_')+
    ;

BACKQUOTED_IDENTIFIER
    : '`' ( ~'`' | '``' )* '`'
    ;

fragment DECIMAL_DIGITS
    : DIGIT+ '.' DIGIT*
    | '.' DIGIT+
    ;

fragment EXPONENT
    : 'E' [+-]? DIGIT+
    ;

fragment DIGIT
    : [0-9]
    ;

fragment LETTER
    : [A-Z]
    ;

SIMPLE_COMMENT
    : '--' ~[\r\n]* -> channel(HIDDEN)
    ;

// A comment opening with /*+ is a hint (HINT_START ... HINT_END), read by the parser after SELECT.
HINT_START
    : '/*+'
    ;

HINT_END
    : '*/'
    ;

BRACKETED_COMMENT
    : '/*' {_input.LA(1) != '+'}? .*? '*/' -> channel(HIDDEN)
    ;

WS
    : [ \r\n\t]+ -> channel(HIDDEN)
    ;

// Anything else is an error the parser reports at its position.
UNRECOGNIZED
    : .
    ;
