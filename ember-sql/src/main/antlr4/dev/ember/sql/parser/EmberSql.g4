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
    | SHOW kind=(TABLES | VIEWS) ((FROM | IN) namespace=identifier)? (LIKE? pattern=STRING)?   #showTables
    | (DESC | DESCRIBE) QUERY? query                                         #describeQuery
    | (DESC | DESCRIBE) TABLE? option=(EXTENDED | FORMATTED)? multipartIdentifier   #describeRelation
    | DROP VIEW (IF EXISTS)? multipartIdentifier                             #dropView
    | CACHE LAZY? TABLE multipartIdentifier (AS? query)?                     #cacheTable
    | UNCACHE TABLE (IF EXISTS)? multipartIdentifier                         #uncacheTable
    | CLEAR CACHE                                                            #clearCache
    ;

query
    : queryPrimary (ORDER BY sortItem (COMMA sortItem)*)? (LIMIT limit=valueExpression)?
    ;

queryPrimary
    : querySpecification                                                     #queryPrimarySpecification
    | inlineTable                                                            #queryPrimaryValues
    | LEFT_PAREN query RIGHT_PAREN                                           #queryPrimaryNested
    ;

querySpecification
    : SELECT setQuantifier? namedExpression (COMMA namedExpression)*
      (FROM relation)?
      (WHERE where=booleanExpression)?
      (GROUP BY groupBy+=expression (COMMA groupBy+=expression)*)?
      (HAVING having=booleanExpression)?
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

relation
    : multipartIdentifier tableAlias                                         #tableName
    | LEFT_PAREN query RIGHT_PAREN tableAlias                                #aliasedQuery
    | inlineTable tableAlias                                                 #inlineTableRelation
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
    : expression (AS? name=identifier)?
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
    : NOT? kind=BETWEEN lower=valueExpression AND upper=valueExpression
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
    | constant                                                               #constantDefault
    | (qualifier=identifier DOT)? ASTERISK                                   #star
    | functionName=identifier LEFT_PAREN ASTERISK RIGHT_PAREN                #functionCallStar
    | functionName=identifier LEFT_PAREN (setQuantifier? expression (COMMA expression)*)? RIGHT_PAREN  #functionCall
    | LEFT_PAREN expression (COMMA expression)+ RIGHT_PAREN                  #rowConstructor
    | LEFT_PAREN expression RIGHT_PAREN                                      #parenthesizedExpression
    | identifier (DOT identifier)*                                           #columnReference
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

constant
    : NULL                                                                   #nullLiteral
    | (TRUE | FALSE)                                                         #booleanLiteral
    | DATE STRING                                                            #dateLiteral
    | STRING+                                                                #stringLiteral
    | INTEGER_VALUE                                                          #integerLiteral
    | BIGINT_LITERAL                                                         #bigintLiteral
    | (DECIMAL_VALUE | EXPONENT_VALUE)                                       #decimalLiteral
    ;

dataType
    : identifier (LEFT_PAREN INTEGER_VALUE (COMMA INTEGER_VALUE)* RIGHT_PAREN)?
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
    | CACHE | CLEAR | DESCRIBE | DROP | EXISTS | EXTENDED | FORMATTED | IF | LAZY | QUERY | RESET | SET | SHOW
    | TABLE | TABLES | UNCACHE | VIEWS
    ;

SEMICOLON: ';';
LEFT_PAREN: '(';
RIGHT_PAREN: ')';
COMMA: ',';
DOT: '.';

ALL: 'ALL';
AND: 'AND';
AS: 'AS';
ASC: 'ASC';
BETWEEN: 'BETWEEN';
BY: 'BY';
CASE: 'CASE';
CAST: 'CAST';
CREATE: 'CREATE';
DATE: 'DATE';
DESC: 'DESC';
DISTINCT: 'DISTINCT';
ELSE: 'ELSE';
END: 'END';
EXPLAIN: 'EXPLAIN';
FALSE: 'FALSE';
FIRST: 'FIRST';
FROM: 'FROM';
GROUP: 'GROUP';
HAVING: 'HAVING';
IN: 'IN';
IS: 'IS';
LAST: 'LAST';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
NOT: 'NOT' | '!';
NULL: 'NULL';
NULLS: 'NULLS';
OR: 'OR';
ORDER: 'ORDER';
REPLACE: 'REPLACE';
SELECT: 'SELECT';
TEMP: 'TEMP';
TEMPORARY: 'TEMPORARY';
THEN: 'THEN';
TRUE: 'TRUE';
VALUES: 'VALUES';
VIEW: 'VIEW';
WHEN: 'WHEN';
WHERE: 'WHERE';

// Keywords of the SQL commands (SET, SHOW, DESCRIBE, DROP VIEW, CACHE, EXPLAIN modes).
CACHE: 'CACHE';
CLEAR: 'CLEAR';
DESCRIBE: 'DESCRIBE';
DROP: 'DROP';
EXISTS: 'EXISTS';
EXTENDED: 'EXTENDED';
FORMATTED: 'FORMATTED';
IF: 'IF';
LAZY: 'LAZY';
QUERY: 'QUERY';
RESET: 'RESET';
SET: 'SET';
SHOW: 'SHOW';
TABLE: 'TABLE';
TABLES: 'TABLES';
UNCACHE: 'UNCACHE';
VIEWS: 'VIEWS';

// Spark's strict non-reserved keywords of features not built yet (joins, set operations): never identifiers,
// so "FROM t JOIN u" stops at JOIN, where the parser reports the feature as unsupported.
UNSUPPORTED_KEYWORD
    : 'ANTI' | 'CROSS' | 'EXCEPT' | 'FULL' | 'INNER' | 'INTERSECT' | 'JOIN' | 'LATERAL' | 'LEFT' | 'MINUS'
    | 'NATURAL' | 'ON' | 'RIGHT' | 'SEMI' | 'UNION' | 'USING'
    ;

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

BRACKETED_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

WS
    : [ \r\n\t]+ -> channel(HIDDEN)
    ;

// Anything else is an error the parser reports at its position.
UNRECOGNIZED
    : .
    ;
